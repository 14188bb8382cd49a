export { SVC, type SVCOptions, type SVCStep, type SVCFitStepsOptions, type SVCJSON } from './SVC';
export { LinearSVC, type LinearSVCOptions, type LinearSVCStep, type LinearSVCJSON } from './LinearSVC';
export type { SVCKernel } from './kernels';
