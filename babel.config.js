// Taro's own preset: TypeScript, React (automatic JSX runtime), down-levelling for the
// mini-program's JavaScript engines, and helpers from @babel/runtime.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', useBuiltIns: false }]],
};
