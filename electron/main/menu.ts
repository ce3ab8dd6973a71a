// The application menu: quit, zoom, about; reload and developer tools only in development builds.
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { strings } from './strings.js';

function showAbout(dataDir: string): void {
  const s = strings();
  const versions = `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node.js ${process.versions.node}`;
  const options = {
    type: 'info' as const,
    title: s.about,
    message: `BranchLoop ${app.getVersion()}`,
    detail: `${versions}\n${s.dataLocation}: ${dataDir}`,
    buttons: [s.ok],
  };
  const parent = BrowserWindow.getFocusedWindow();
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

export function installMenu(dataDir: string): void {
  const s = strings();
  const isMac = process.platform === 'darwin';
  const development = !app.isPackaged;
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: s.file,
      submenu: [isMac ? { role: 'close', label: s.closeWindow } : { role: 'quit', label: s.quit }],
    },
    // macOS routes copy and paste shortcuts in text fields through the Edit menu.
    ...(isMac ? [{ role: 'editMenu' as const, label: s.edit }] : []),
    {
      label: s.view,
      submenu: [
        ...(development
          ? ([
              { role: 'reload', label: s.reload },
              { role: 'toggleDevTools', label: s.toggleDevTools },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: s.actualSize },
        { role: 'zoomIn', label: s.zoomIn },
        { role: 'zoomOut', label: s.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: s.fullScreen },
      ],
    },
    { role: 'help', label: s.help, submenu: [{ label: s.about, click: () => showAbout(dataDir) }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
