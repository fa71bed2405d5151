/**
 * The shared kernel: ids, time, problem details, paging, rate limits, security plumbing, media storage,
 * audit log. It depends on no other module; every module may use all of it (an open module).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.omnia.platform;
