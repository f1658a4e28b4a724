export { r as renderExplanation, a as renderKindList, o as resolveKind } from "./chunk-Bu2lxLqD.js";
