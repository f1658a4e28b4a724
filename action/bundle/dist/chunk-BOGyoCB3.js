export { n as renderGithub } from "./chunk-CR6GENbo.js";
