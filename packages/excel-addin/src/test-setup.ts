import { configure } from '@testing-library/react';

// The whole suite runs on two cores in CI: give async queries room beyond the 1 s default.
configure({ asyncUtilTimeout: 10_000 });

// jsdom lacks these; Fluent's popovers and our scroll-to-cell use them.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
Element.prototype.scrollIntoView ??= function () {};
