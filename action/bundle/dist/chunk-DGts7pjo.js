export { n as renderGithub } from "./chunk-B086CPN2.js";
