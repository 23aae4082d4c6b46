/** Shortcut labels follow the platform: ⌘ on macOS, Ctrl elsewhere (the handlers accept both). */
export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
export const filterShortcutLabel = isMac ? '⌘K' : 'Ctrl+K'
