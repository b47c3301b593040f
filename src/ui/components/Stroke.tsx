/** A line drawn with round ends and joins, the way every icon of the pages draws its strokes. */
export function Stroke({ d, width, color = 'currentColor' }: { d: string; width: number; color?: string }) {
  return <path d={d} fill="none" stroke={color} stroke-width={width} stroke-linecap="round" stroke-linejoin="round" />;
}
