import { LabIcon } from '@jupyterlab/ui-components';

/** A notebook page with a crack through it: the crash panel's icon. */
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24">
  <path class="jp-icon3" fill="#616161" fill-rule="evenodd" d="M6 2h9l5 5v13a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm8 1.5V8h4.5L14 3.5zM6 4v16h12V10h-5V4h-1.2l-1.6 4.2 2.6 2.3-2.2 3.6 1.4 3.9h-1.6l-1.5-4 2-3.3-2.6-2.3L9.2 4H6z"/>
</svg>`;

export const crashIcon = new LabIcon({
  name: 'jupyterlab-nbcrash:crash',
  svgstr: svg
});
