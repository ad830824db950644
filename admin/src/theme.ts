import type { GlobalThemeOverrides } from 'naive-ui';

/** The club's green, shared by the panel and its toasts. */
export const themeOverrides: GlobalThemeOverrides = {
  common: {
    primaryColor: '#16a34a',
    primaryColorHover: '#22c55e',
    primaryColorPressed: '#15803d',
    primaryColorSuppl: '#22c55e',
    borderRadius: '8px',
    fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  },
  Layout: { siderColor: '#0f172a', headerColor: '#ffffff', color: '#f5f7fa' },
  Menu: {
    itemTextColorInverted: '#cbd5e1',
    itemIconColorInverted: '#94a3b8',
    itemTextColorActiveInverted: '#ffffff',
    itemIconColorActiveInverted: '#4ade80',
    itemColorActiveInverted: '#16a34a33',
    itemTextColorHoverInverted: '#ffffff',
    itemColorActiveHoverInverted: '#16a34a44',
  },
};
