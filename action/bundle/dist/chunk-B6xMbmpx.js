export { r as renderExplanation, a as renderKindList, o as resolveKind } from "./chunk-BoRZn7bb.js";
