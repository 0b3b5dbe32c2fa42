/** The "On Message" commands of the command palette. */
import { commands, type Disposable } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createBrandFile, fixAll, openBrandFile } from './brand-commands';
import { Commands } from './command-ids';
import type { BrandStatus } from './status';
import { ReportView } from './report-view';

/** `onRestart`: the writer restarted the server by hand (the crash policy starts afresh). */
export function registerCommands(client: LanguageClient, status: BrandStatus, onRestart: () => void = () => undefined): Disposable[] {
  const report = new ReportView(client);
  return [
    report,
    commands.registerCommand(Commands.showReport, () => report.show()),
    commands.registerCommand(Commands.openBrandFile, () => openBrandFile(status)),
    commands.registerCommand(Commands.createBrandFile, createBrandFile),
    commands.registerCommand(Commands.fixAll, () => fixAll(client)),
    commands.registerCommand(Commands.restartServer, async () => {
      status.clear();
      onRestart();
      await client.restart();
    }),
  ];
}
