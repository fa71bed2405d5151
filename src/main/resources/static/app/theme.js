// Runs before the first paint (a classic script in <head>), so a chosen theme never flashes the other one.
(function () {
  var saved = null;
  try { saved = window.localStorage.getItem('omnia.theme'); } catch (e) { /* storage blocked: follow the system */ }
  if (saved === 'light' || saved === 'dark') {
    document.documentElement.setAttribute('data-theme', saved);
  }
})();
