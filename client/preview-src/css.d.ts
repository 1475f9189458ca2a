// esbuild turns `import './preview.css'` into dist/preview/preview.css next to the script.
declare module '*.css';
