import { Stroke } from './Stroke.tsx';

/** The Vendor Guard shield, as in the toolbar icon. Decorative: always aria-hidden. */
export function ShieldMark({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 128 128" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="vg-shield-fill" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stop-color="#2f7fd3" />
          <stop offset="1" stop-color="#0d4f96" />
        </linearGradient>
      </defs>
      <path d="M64 6 110 22.5V58c0 30.5-19.4 52.6-46 64C37.4 110.6 18 88.5 18 58V22.5Z" fill="url(#vg-shield-fill)" />
      <path d="M64 6v116C37.4 110.6 18 88.5 18 58V22.5Z" fill="#ffffff" fill-opacity="0.1" />
      <Stroke d="m42 63 15 15 30-31" width={13} color="#ffffff" />
    </svg>
  );
}
