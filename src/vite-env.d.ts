/** A style sheet imported as text (vite's `?inline`), for the content script's shadow roots. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
