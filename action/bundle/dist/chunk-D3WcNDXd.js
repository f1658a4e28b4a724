export { n as renderGithub } from "./chunk-BhCgLFU9.js";
