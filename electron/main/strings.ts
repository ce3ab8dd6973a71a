// The few strings the main process shows itself (menus, dialogs), in 简体中文 and English. The
// renderer has its own i18n table; these follow the OS locale because they appear before it loads.
import { app } from 'electron';

const en = {
  file: 'File',
  quit: 'Quit BranchLoop',
  closeWindow: 'Close Window',
  edit: 'Edit',
  view: 'View',
  reload: 'Reload',
  toggleDevTools: 'Toggle Developer Tools',
  actualSize: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Toggle Full Screen',
  help: 'Help',
  about: 'About BranchLoop',
  dataLocation: 'Data',
  ok: 'OK',
  startFailed: 'BranchLoop could not start',
  csvFiles: 'CSV files',
  sqliteFiles: 'BranchLoop backups',
  jsonFiles: 'JSON files',
  allFiles: 'All files',
};

const zh: typeof en = {
  file: '文件',
  quit: '退出 BranchLoop',
  closeWindow: '关闭窗口',
  edit: '编辑',
  view: '视图',
  reload: '重新加载',
  toggleDevTools: '开发者工具',
  actualSize: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  fullScreen: '全屏',
  help: '帮助',
  about: '关于 BranchLoop',
  dataLocation: '数据',
  ok: '确定',
  startFailed: 'BranchLoop 无法启动',
  csvFiles: 'CSV 文件',
  sqliteFiles: 'BranchLoop 备份',
  jsonFiles: 'JSON 文件',
  allFiles: '所有文件',
};

export type Strings = typeof en;

/** Only valid once the app is ready (the locale is unknown before). */
export function strings(): Strings {
  return app.getLocale().toLowerCase().startsWith('zh') ? zh : en;
}
