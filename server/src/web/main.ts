// Entry point of the web language server (dist/web/server.js), run in a web worker. See server.ts.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startWebServer } from './server';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

startWebServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)));
