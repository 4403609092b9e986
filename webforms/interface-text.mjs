// ODK Web Forms 0.22 (the newest on npm) writes its interface in English in its code; it has
// no translation hook (upstream added one after 0.22, not published). This build step puts
// a look-up into interface-text.json in place of each English string, so that the page's
// language (<html lang>) picks the engine's wording too.
//
// Each site is an exact piece of the engine's dist code. By default the English of its first
// key, as a quoted string literal, is replaced by the look-up; `replace` gives the whole new
// code where the string is built from parts. The build fails when a site is not found
// exactly once (an engine upgrade that changed the code would otherwise bring the
// English back unseen), when a site no longer contains its key's English, or when a key of
// the table has no site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const LOOKUP = '__interfaceText';

const SITES = [
  { keys: ['odk_web_forms.submit.label'], find: 'label: "Send",' },
  {
    keys: ['odk_web_forms.validation.error.one', 'odk_web_forms.validation.error.other'],
    find: 'return QA === 0 ? "" : QA === 1 ? "1 question with error." : `${QA} questions with errors.`;',
    replace:
      'return QA === 0 ? "" : __interfaceText(QA === 1 ? "odk_web_forms.validation.error.one"' +
      ' : "odk_web_forms.validation.error.other", { count: QA });',
  },
  {
    keys: ['odk_web_forms.geolocation.error'],
    find: 'pA.value = "Location unavailable. Enable GPS and browser permissions, then restart the form to try again.";',
  },
  { keys: ['odk_web_forms.powered_by.label'], find: 'createElementVNode("span", { class: "caption" }, "Powered by"),' },
  { keys: ['odk_web_forms.unknown_error.message'], find: 'message: "Unknown error",' },
  { keys: ['odk_web_forms.unknown_error.message'], find: 'AA === "" && (AA = "Unknown error");' },
  { keys: ['form_language_menu.label'], find: 'label: "Change language",' },
  { keys: ['form_language_menu.aria_label'], find: '"aria-label": "change language",' },
  { keys: ['form_load_failure_dialog.header.title'], find: 'DIALOG_TITLE: "An error occurred while loading this form",' },
  { keys: ['form_load_failure_dialog.details.label'], find: 'DETAILS_SUMMARY_LABEL: "Technical error details"' },
  { keys: ['validation_message.constraint.error'], find: 'constraintMsg: "Condition not satisfied: constraint",' },
  { keys: ['validation_message.required.error'], find: 'requiredMsg: "Condition not satisfied: required"' },
  {
    keys: ['repeat.add.label'],
    find: 'createTextVNode(" Add ", -1)',
    replace: 'createTextVNode(" " + __interfaceText("repeat.add.label") + " ", -1)',
  },
  { keys: ['repeat.remove.label'], find: 'label: "Remove",' },
  { keys: ['repeat.instance.placeholder'], find: '{ literal: "Repeat Item" }' },
  { keys: ['rank_control.open.label'], find: 'createElementVNode("span", null, "Rank items", -1)' },
  { keys: ['upload_image_header.take_picture.label'], find: 'createElementVNode("span", null, "Take picture", -1)' },
  { keys: ['upload_image_header.choose_image.label'], find: 'createElementVNode("span", null, "Choose image", -1)' },
  { keys: ['upload_image.preview.alt'], find: 'alt: "Captured image preview"' },
  {
    keys: ['geolocation_formatted_value.accuracy.label'],
    find: '"Accuracy: " + toDisplayString(unref(truncateDecimals)(oA.accuracy, { decimals: 3 })) + " m,"',
    replace:
      '__interfaceText("geolocation_formatted_value.accuracy.label", { accuracy: ' +
      'toDisplayString(unref(truncateDecimals)(oA.accuracy, { decimals: 3 })) })',
  },
  {
    keys: ['geolocation_formatted_value.latitude.label'],
    find: '"Latitude: " + toDisplayString(oA.latitude) + ","',
    replace: '__interfaceText("geolocation_formatted_value.latitude.label", { latitude: toDisplayString(oA.latitude) })',
  },
  {
    keys: ['geolocation_formatted_value.longitude.label'],
    find: '"Longitude: " + toDisplayString(oA.longitude) + "."',
    replace: '__interfaceText("geolocation_formatted_value.longitude.label", { longitude: toDisplayString(oA.longitude) })',
  },
  { keys: ['geolocation_dialog.header.title'], find: 'createElementVNode("strong", null, "Finding your location", -1)' },
  {
    keys: ['geolocation_dialog.accuracy_threshold.info'],
    find: '" Location will be saved at " + toDisplayString(eA.options.accuracyThreshold) + " m "',
    replace:
      '" " + __interfaceText("geolocation_dialog.accuracy_threshold.info", ' +
      '{ accuracyThreshold: toDisplayString(eA.options.accuracyThreshold) }) + " "',
  },
  {
    keys: ['geolocation_dialog.elapsed_time.label'],
    find: 'createTextVNode("Time taken to capture location: ", -1)',
    replace: 'createTextVNode(__interfaceText("geolocation_dialog.elapsed_time.label") + " ", -1)',
  },
  {
    keys: ['geolocation_dialog.previous_accuracy.info'],
    find: '" Previous saved location at " + toDisplayString(unref(truncateDecimals)(rA.value.value, nA)) + " m "',
    replace:
      '" " + __interfaceText("geolocation_dialog.previous_accuracy.info", ' +
      '{ accuracy: toDisplayString(unref(truncateDecimals)(rA.value.value, nA)) }) + " "',
  },
  { keys: ['geolocation_dialog.cancel.label'], find: 'label: "Cancel",' },
  { keys: ['geolocation_dialog.save.label'], find: 'label: "Save location",' },
  { keys: ['geopoint_accuracy.good.label'], find: '[GEOPOINT_ACCURACY_QUALITY.GOOD]: "Good accuracy",' },
  { keys: ['geopoint_accuracy.acceptable.label'], find: '[GEOPOINT_ACCURACY_QUALITY.ACCEPTABLE]: "Good accuracy",' },
  { keys: ['geopoint_accuracy.poor.label'], find: '[GEOPOINT_ACCURACY_QUALITY.POOR]: "Poor accuracy",' },
  { keys: ['geopoint_accuracy.unknown.label'], find: '[GEOPOINT_ACCURACY_QUALITY.UNKNOWN]: "Unknown accuracy"' },
  { keys: ['input_geopoint.get_location.label'], find: 'createElementVNode("span", null, "Get location", -1)' },
  { keys: ['input_geopoint.try_again.label'], find: 'createElementVNode("span", null, "Try again", -1)' },
  { keys: ['input_geopoint.location_error.title'], find: 'createElementVNode("strong", null, "Cannot access location", -1)' },
  {
    keys: ['input_geopoint.location_error.description'],
    find: 'createElementVNode("span", null, "Grant location permission in the browser settings and make sure location is turned on.", -1)',
  },
  // the map (geopoint, geotrace and geoshape with a map appearance; select from a map)
  { keys: ['map_block.graphics_error.title'], find: 'title: "Graphics issue detected",' },
  {
    keys: ['map_block.graphics_error.message'],
    find: 'message: "Your browser cannot display the map now. Enable graphics acceleration settings."',
  },
  { keys: ['map_block.location_error.title'], find: 'title: "Cannot access location",' },
  {
    keys: ['map_block.location_error.message'],
    find: 'message: "Grant location permission in the browser settings and make sure location is turned on."',
  },
  { keys: ['map_block.get_location.label'], find: 'N("span", null, "Get location", -1)' },
  { keys: ['map_block.drag_vertex_instruction.placed'], find: 'placed: "Press and drag to move a point",' },
  { keys: ['map_block.drag_vertex_instruction.default'], find: 'default: "Tap to place a point"' },
  { keys: ['map_block.drag_instruction.placed'], find: 'placed: "Tap to move point",' },
  {
    keys: ['map_block.drag_instruction.default'],
    find: 'default: "Use the location button to center on your current location"',
  },
  { keys: ['map_confirm_dialog.delete_shape.header'], find: '_e("strong", _f, "Delete entire shape?")' },
  { keys: ['map_confirm_dialog.delete_trace.header'], find: '_e("strong", mf, "Delete entire trace?")' },
  {
    keys: ['map_confirm_dialog.delete_shape.body'],
    find: '_e("p", pf, " Are you sure you want to delete this entire shape and start over? ")',
    replace: '_e("p", pf, __interfaceText("map_confirm_dialog.delete_shape.body"))',
  },
  {
    keys: ['map_confirm_dialog.delete_trace.body'],
    find: '_e("p", yf, " Are you sure you want to delete this entire trace and start over? ")',
    replace: '_e("p", yf, __interfaceText("map_confirm_dialog.delete_trace.body"))',
  },
  { keys: ['map_confirm_dialog.delete.label'], find: 'label: "Delete",' },
  { keys: ['map_advanced_panel.longitude.label'], find: 'N("label", { for: "longitude" }, "Longitude", -1)' },
  {
    keys: ['map_advanced_panel.longitude.error'],
    find: 'N("p", { class: "field-error-message" }, " Longitude is invalid ", -1)',
    replace: 'N("p", { class: "field-error-message" }, __interfaceText("map_advanced_panel.longitude.error"), -1)',
  },
  { keys: ['map_advanced_panel.latitude.label'], find: 'N("label", { for: "latitude" }, "Latitude", -1)' },
  {
    keys: ['map_advanced_panel.latitude.error'],
    find: 'N("p", { class: "field-error-message" }, " Latitude is invalid ", -1)',
    replace: 'N("p", { class: "field-error-message" }, __interfaceText("map_advanced_panel.latitude.error"), -1)',
  },
  { keys: ['map_advanced_panel.altitude.label'], find: 'N("label", { for: "altitude" }, "Altitude", -1)' },
  { keys: ['map_advanced_panel.accuracy.label'], find: 'N("label", { for: "accuracy" }, "Accuracy", -1)' },
  {
    keys: ['map_advanced_panel.import_data.label'],
    find: 'f[11] || (f[11] = N("strong", null, "Import data to replace location", -1))',
  },
  { keys: ['map_controls.full_screen.description'], find: 'title: "Full Screen",' },
  { keys: ['map_controls.zoom_fit_all.description'], find: 'title: "Zoom to fit",' },
  { keys: ['map_controls.current_location.description'], find: 'title: "Zoom to current location",' },
  { keys: ['map_controls.undo.description'], find: 'title: "Undo last change",' },
  { keys: ['map_controls.delete.description'], find: 'title: "Delete",' },
  { keys: ['map_properties.remove_selection.label'], find: 'N("span", null, "Remove selection", -1)' },
  { keys: ['map_properties.save_selected.label'], find: 'N("span", null, "Save selected", -1)' },
  { keys: ['map_status_bar.no_trace_saved.label'], find: '{ message: "No trace saved", icon: th }' },
  { keys: ['map_status_bar.no_shape_saved.label'], find: '{ message: "No shape saved", icon: nh }' },
  { keys: ['map_status_bar.no_point_saved.label'], find: '{ message: "No point saved", icon: "mdiMapMarkerOutline" }' },
  {
    keys: [
      'map_status_bar.point_saved.label',
      'map_status_bar.trace_saved.label',
      'map_status_bar.shape_saved.label',
      'map_status_bar.feature_saved.label',
    ],
    find: 'return u === "point" ? "Point saved" : u === "linestring" ? "Trace saved" : u === "polygon" ? "Shape saved" : "Feature saved";',
    replace:
      'return __interfaceText(u === "point" ? "map_status_bar.point_saved.label" : u === "linestring" ? ' +
      '"map_status_bar.trace_saved.label" : u === "polygon" ? "map_status_bar.shape_saved.label" : ' +
      '"map_status_bar.feature_saved.label");',
  },
  { keys: ['map_status_bar.point_saved.label'], find: '{ message: "Point saved", icon: "mdiCheckCircle", highlight: !0 }' },
  {
    keys: ['map_status_bar.points_saved.label'],
    find: 'const f = `${d} points saved`;',
    replace: 'const f = __interfaceText("map_status_bar.points_saved.label", { count: d });',
  },
  { keys: ['map_status_bar.capturing.label'], find: 'N("span", null, "Capturing location...", -1)' },
  { keys: ['map_status_bar.remove.label'], find: 'N("span", { class: "mobile-only" }, "Remove", -1)' },
  { keys: ['map_status_bar.remove_point.label'], find: 'N("span", { class: "desktop-only" }, "Remove point", -1)' },
  { keys: ['map_status_bar.view_details.label'], find: 'N("span", null, "View details", -1)' },
  { keys: ['map_status_bar.advanced.label'], find: 'N("span", null, "Advanced", -1)' },
  {
    keys: ['map_status_bar.vertex_longitude.label', 'map_status_bar.vertex_latitude.label'],
    find: 'g = [`Longitude: ${h}`, `Latitude: ${u}`];',
    replace:
      'g = [__interfaceText("map_status_bar.vertex_longitude.label", { longitude: h }), ' +
      '__interfaceText("map_status_bar.vertex_latitude.label", { latitude: u })];',
  },
  {
    keys: ['map_status_bar.vertex_altitude.label', 'map_status_bar.vertex_accuracy.label'],
    find: 'g.push(`Altitude: ${d} m`), f != null && g.push(`Accuracy: ${ld(f, { decimals: 3 })}`)',
    replace:
      'g.push(__interfaceText("map_status_bar.vertex_altitude.label", { altitude: d })), f != null && ' +
      'g.push(__interfaceText("map_status_bar.vertex_accuracy.label", { accuracy: ld(f, { decimals: 3 }) }))',
  },
  { keys: ['map_update_coords_dialog.header.title'], find: 'N("strong", null, "Import data to replace location", -1)\n' },
  { keys: ['map_update_coords_dialog.paste_data.label'], find: 'N("span", null, "Paste data in ODK format"),' },
  { keys: ['map_update_coords_dialog.upload_file.label'], find: 'N("label", null, "Upload a GeoJSON file", -1)' },
  { keys: ['map_update_coords_dialog.upload_file.action'], find: 'N("span", null, "Upload file", -1)' },
  { keys: ['map_update_coords_dialog.save.label'], find: 'label: "Save",' },
  { keys: ['map_update_coords_dialog.file_empty.error'], find: 'v("File is empty.");' },
  {
    keys: ['map_update_coords_dialog.unsupported_file.error'],
    find: 'v("Unsupported file type. Please upload a .geojson file.");',
  },
  { keys: ['map_update_coords_dialog.parse_failed.error'], find: 'v("Failed to parse file. Ensure it is a valid GeoJSON.");' },
  { keys: ['map_update_coords_dialog.incorrect_geometry.error'], find: 'const S = "Incorrect geometry type.";' },
];

/** The fixed parts of an English text: what stays around its {placeholders}. */
const fixedParts = (text) => text.split(/\{\w+\}/).map((part) => part.trim()).filter(Boolean);

/** The site's new code: its own `replace`, or the look-up in place of the quoted English. */
function replacementOf(site, table) {
  if (site.replace) return site.replace;
  const [key] = site.keys;
  const quoted = JSON.stringify(table[key].en);
  if (!site.find.includes(quoted)) throw new Error(`interface text: ${key}: ${quoted} not in its site`);
  return site.find.replace(quoted, `${LOOKUP}(${JSON.stringify(key)})`);
}

/** Every problem with the table and the sites that can be seen before building. */
function checkSites(table, sites) {
  const problems = [];
  for (const site of sites) {
    for (const key of site.keys) {
      if (!(key in table)) problems.push(`${key}: used by a site, not in the table`);
      else if (!fixedParts(table[key].en).every((part) => site.find.includes(part)))
        problems.push(`${key}: its English ${JSON.stringify(table[key].en)} is not its site's`);
    }
  }
  const used = new Set(sites.flatMap((site) => site.keys));
  for (const [key, entry] of Object.entries(table)) {
    if (!used.has(key)) problems.push(`${key}: in the table, no site uses it`);
    for (const lang of ['en', 'vi']) {
      if (typeof entry[lang] !== 'string' || !entry[lang]) problems.push(`${key}: no ${lang} text`);
      else if (entry[lang] !== entry[lang].normalize('NFC')) problems.push(`${key}: ${lang} not NFC`);
    }
  }
  return problems;
}

/**
 * The vite (rollup) plugin: rewrites the engine's dist modules and fails the build when a
 * site was not found exactly once in all of them together.
 */
export function interfaceText({ tablePath, lookupModule }) {
  const sites = SITES;
  const table = JSON.parse(readFileSync(tablePath, 'utf8'));
  const problems = checkSites(table, sites);
  if (problems.length) throw new Error(`interface text:\n  ${problems.join('\n  ')}`);
  const found = new Map(sites.map((site) => [site, 0]));
  return {
    name: 'survey-interface-text',
    transform(code, id) {
      if (!id.includes(join('node_modules', '@getodk', 'web-forms', 'dist'))) return null;
      let out = code;
      for (const site of sites) {
        const pieces = out.split(site.find);
        if (pieces.length === 1) continue;
        found.set(site, found.get(site) + pieces.length - 1);
        out = pieces.join(replacementOf(site, table));
      }
      if (out === code) return null;
      const header = `import { interfaceText as ${LOOKUP} } from ${JSON.stringify(lookupModule)};\n`;
      return { code: header + out, map: null };
    },
    buildEnd(error) {
      if (error) return;
      const wrong = sites
        .filter((site) => found.get(site) !== 1)
        .map((site) => `${site.keys[0]}: found ${found.get(site)} times, not once: ${JSON.stringify(site.find)}`);
      if (wrong.length) {
        this.error(`interface text: the engine's code changed; update webforms/interface-text.mjs:\n  ${wrong.join('\n  ')}`);
      }
    },
  };
}
