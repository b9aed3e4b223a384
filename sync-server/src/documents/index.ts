export { Archiver } from './archiver';
export { readArchivedFile, type ArchivedFile } from './archive';
export { fileFormats, fileNameOf, mediaTypes, type FileFormat } from './formats';
export { brokenRules, preloadDocuments } from './rules';
