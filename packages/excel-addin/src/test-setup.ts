import { configure } from '@testing-library/react';

// The whole suite runs on two cores in CI: give async queries room beyond the 1 s default.
configure({ asyncUtilTimeout: 10_000 });
