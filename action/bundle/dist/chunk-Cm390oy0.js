export { n as renderSarif } from "./chunk-TgJbIsg_.js";
