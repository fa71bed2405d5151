// The settings screens' form pieces: a form that saves and reports, a labelled field, a labelled checkbox.
import { announce, h, problemBox } from '../dom.js';

/** A form whose submit runs save(); shows a saved message or the problem, and re-enables itself. */
export function settingsForm(fields, submitLabel, save) {
  const result = h('div', { class: 'form-result' });
  const button = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const form = h('form', { class: 'stack', novalidate: true }, fields, button, result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    result.replaceChildren();
    try {
      const message = await save(form);
      if (message) {
        result.append(h('p', { class: 'notice', role: 'status' }, message));
        announce(message);
      }
    } catch (error) {
      result.append(problemBox(error));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

export function field(id, label, input, hint) {
  input.id = id;
  if (hint) input.setAttribute('aria-describedby', `${id}-hint`);
  return [h('label', { for: id }, label), input, hint ? h('small', { id: `${id}-hint`, class: 'hint' }, hint) : null];
}

export function check(id, label, checked, hint) {
  return h('label', { class: 'check' }, h('input', { type: 'checkbox', id, name: id, checked }), h('span', {}, label),
    hint ? h('small', { class: 'hint' }, ` ${hint}`) : null);
}
