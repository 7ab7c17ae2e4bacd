// PDQ, Meta's perceptual hash for photos (ThreatExchange pdq/), and a distance index over it.
export { DIHEDRAL_TRANSFORMS, type DihedralTransform } from './dihedral';
export { isPdqHex, parsePdqHex, pdqDistance, pdqHex, type Hash256 } from './hash256';
export { PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY, type PdqDihedralResult, type PdqResult } from './hasher';
export { PdqIndex, type PdqDihedralMatch, type PdqMatch } from './mih-index';
