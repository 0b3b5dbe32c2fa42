/** The ids of the commands the extension contributes (package.json `contributes.commands`). */
export const Commands = {
  openBrandFile: 'onMessage.openBrandFile',
  createBrandFile: 'onMessage.createBrandFile',
  fixAll: 'onMessage.fixAll',
  restartServer: 'onMessage.restartServer',
  showReport: 'onMessage.showReport',
} as const;
