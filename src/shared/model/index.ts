export type * from './document'
export type * from './notice'
export { defaultSettings, settingsLimits, type Settings, type Theme } from './settings'
