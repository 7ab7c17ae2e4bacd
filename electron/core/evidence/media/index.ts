export { SNIFF_BYTES, extensionFor, isRenderableImage, sniffMediaType, type MediaType } from './sniff';
export { DEFAULT_MAX_PIXELS, notAnalysed, type AnalyzeImageOptions, type ImageAnalysis } from './image-analysis';
export { analyzeImage, pdqOfImage } from './media-in-worker';
export { readVideoInfo, type VideoInfo } from './video-info';
export { mediaProblem, parseStoredProblems, type MediaProblem, type MediaProblemCode } from './problems';
