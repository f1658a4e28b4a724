/**
 * The parameters of a web action, bound from the submitted request by the framework without an
 * annotation: ASP.NET MVC `[HttpPost] public ActionResult Save(string SellerId, string SecretKey)`
 * and Spring MVC `@PostMapping("/shops") public Result save(String sellerId, String secretKey)`
 * (simple-typed parameters are request parameters by default in both). Each is submitted input,
 * as `@RequestParam` and `[FromForm]` parameters are (`submitted.ts`). Read by `structure.ts`.
 */

// A typed parameter's position in an open parameter list, up to its name: `(string ` or `, String `.
const TYPED_PARAMETER = /[(,]\s{0,8}(?:\[[\w(), ="]{1,60}\]\s{0,4})?(?:final\s{1,4})?[\w<>[\]?.]{1,60}\s{1,4}$/;
// The method header before the list: an HTTP verb attribute or annotation, or an MVC action's
// return type, then the method's name and its `(`. Read on at most 400 characters.
const ACTION_HEADER =
  /(?:\[(?:Http(?:Post|Put|Patch|Get)|AcceptVerbs)\b[^\]\n]{0,80}\]|@(?:Post|Put|Patch|Get|Request)Mapping\b(?:\([^()\n]{0,120}\))?|\b(?:I?ActionResult|JsonResult|ViewResult|RedirectToRouteResult)\b)[\s\w<>[\].,@]{0,200}?\b\w{1,60}\s{0,4}\($/;

/** The offset just inside the `(` of the action whose typed parameter's name starts at `at`, or -1. */
export function actionParameterAt(text: string, at: number): number {
  const from = Math.max(0, at - 400);
  const before = text.slice(from, at);
  if (!TYPED_PARAMETER.test(before.slice(-100))) return -1;
  const open = before.lastIndexOf('(');
  if (open === -1 || before.includes(')', open)) return -1;
  return ACTION_HEADER.test(before.slice(0, open + 1)) ? from + open + 1 : -1;
}
