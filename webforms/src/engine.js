// The form engine as one ES module for the collection page: ODK Web Forms mounted on an
// element. The page's own script (pipeline/stages/collect/static/collect-form.js) fetches
// the XForm and handles submissions; this module only renders.
import { createApp, h } from 'vue';
import { OdkWebForm, POST_SUBMIT__NEW_INSTANCE, webFormsPlugin } from '@getodk/web-forms';

/**
 * Render `formXml` in `element`. `onSubmit(instanceFile, instanceId)` is called with the
 * engine's instance XML (a File named xml_submission_file) once the engine has checked
 * required answers and constraints; it returns a promise, and when it resolves to true the
 * engine starts a fresh, empty form.
 */
export function mountForm(element, formXml, onSubmit) {
  const app = createApp({
    render: () =>
      h(OdkWebForm, {
        formXml,
        fetchFormAttachment: () => Promise.reject(new Error('this form has no attachments')),
        onSubmit: async (payload, callback) => {
          const data = payload.data[0];
          const file = data.get('xml_submission_file');
          const fresh = await onSubmit(file, payload.submissionMeta?.instanceID ?? null);
          callback(fresh ? { next: POST_SUBMIT__NEW_INSTANCE } : {});
        },
      }),
  });
  app.use(webFormsPlugin);
  app.mount(element);
  return app;
}
