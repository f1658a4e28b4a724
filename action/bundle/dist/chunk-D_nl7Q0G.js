export { n as renderGithub } from "./chunk-CCpc6KO2.js";
