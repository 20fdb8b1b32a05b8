export type * from './document'
export type * from './notice'
export type * from './annotation'
export {
  defaultHighlightLabels,
  labelCardKinds,
  type LabelCardKind,
  type Highlight,
  type HighlightChanges,
  type HighlightLabel,
  type ReanchorReport,
  type DocumentAnnotations,
} from './highlight'
export { defaultSettings, settingsLimits, type Settings, type Theme } from './settings'
export type * from './card'
export type * from './study'
export type * from './position'
export type * from './search'
export {
  exportFormats,
  type ExportFormat,
  type ExportedFile,
  type AnnotationImportReport,
  type AnkiImportReport,
  type BackupInfo,
  type LinkTarget,
} from './interchange'
