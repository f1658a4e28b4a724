/**
 * Test code, by where it lives and how it is named in each ecosystem: a `test/`, `tests/`,
 * `spec/`, `__tests__/` or `Tests/` folder (the file's own), or a file named `*_test.go`, `*.test.ts`,
 * `*.spec.js`, `test_*.py`, `*_spec.rb`, `StoreTest.php`, `OrdersTests.cs`. A test builds the
 * records it exercises (factories, fixtures, expected parameters): it shows how the code under
 * test behaves, not how an application keeps a seller's keys, so it holds no type-A structure.
 * (Its literal keys are still their own kinds.)
 */
const TEST_PATH =
  /(?:^|[/\\])(?:tests?|spec|specs|__tests__|Tests?|testing)[/\\]|(?:^|[/\\])test_[^/\\]*\.py$|[._-](?:test|spec|tests)\.[a-z]{1,4}$|[a-z\d](?:Test|Tests|Spec)\.(?:php|java|cs|kt|scala|groovy|swift)$/;

// The Maven and Gradle test source trees (`src/test/java/com/acme/SpApiTestUtil.java`, Android's
// `src/androidTest/kotlin/…`, `src/integrationTest/java/…`): every file under one is test code,
// however deep and whatever it is named, also a test's fixture project inside one
// (`src/test/resources/unit/shop/src/main/java/…`). Every surface passes core a path relative to
// where it runs (`project-path.ts`), so no folder above the project decides.
const MAVEN_TEST_ROOT = /^(?:test|[a-z]\w{0,30}Test)$/;
const MAVEN_LANGUAGES: ReadonlySet<string> = new Set(['java', 'kotlin', 'scala', 'groovy', 'resources']);

/** True when the path holds a Maven or Gradle test tree (`src/<test root>/<language>/`) above its file. */
function inMavenTestTree(path: string): boolean {
  const parts = path.split(/[/\\]/);
  for (let i = 0; i + 3 < parts.length; i++)
    if (parts[i] === 'src' && MAVEN_TEST_ROOT.test(parts[i + 1] ?? '') && MAVEN_LANGUAGES.has(parts[i + 2] ?? ''))
      return true;
  return false;
}

// A web framework's route file, named by its folder (Next.js `app/api/settings/test/route.ts`,
// `app/test/page.tsx`, SvelteKit `routes/test/+server.ts`): an endpoint or page called "test",
// such as a settings dialog's "test connection" endpoint, not test code.
const ROUTE_FILE = /^(?:route|page)\.[jt]sx?$|^\+(?:server|page)(?:\.server)?\.[jt]s$/;

/**
 * True when `path` names a test file. Only its folder and name are read (and the Maven test tree),
 * so that every surface decides alike whatever path it passes (a relative one, or an absolute one
 * under a `test/` tree).
 */
export function isTestPath(path: string): boolean {
  if (inMavenTestTree(path)) return true;
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const folder = path.slice(0, path.length - name.length - 1);
  const parent = folder.slice(Math.max(folder.lastIndexOf('/'), folder.lastIndexOf('\\')) + 1);
  if (ROUTE_FILE.test(name)) return false;
  return TEST_PATH.test(parent === '' ? name : `${parent}/${name}`);
}
