import { EXIT_ERROR, EXIT_FINDINGS, EXIT_INCOMPLETE, EXIT_OK } from './exit-codes.js';

/** The `--help` text: synopsis, options, formats and exit codes in one place. */
export const HELP_TEXT = `Usage: mwsguard scan [options] [PATH...]
       mwsguard baseline [options] [PATH...] [--output FILE]
       mwsguard explain [<kind|ruleId>] [--locale <locale>]
       mwsguard install-hook [--force]
       mwsguard report merge [--format json|markdown|sarif] [--output FILE] REPORT...

Find hard-coded or shared Amazon MWS / SP-API credentials in files, in what is
staged for commit, or in the git history.

PATH is a file or a directory (default: the current directory). Directories are
searched recursively, dotfiles included; files ignored by .gitignore, node_modules
and .git are left out. A file named on the command line is always scanned.

Commands:
  scan           Scan and report (the default workflow)
  baseline       Record the current findings in a baseline file (default
                 .mwsguard-baseline.json) so later scans report only new ones
  explain        Long-form guidance on a kind: what leaked, how to rotate it,
                 the Seller ID + MWS Auth Token pattern, the SP-API equivalent
  install-hook   Write a git pre-commit hook that runs "mwsguard scan --staged"
  report merge   Merge per-repository JSON reports into one (json, markdown or
                 sarif with a run per repository); see docs/integrations/org-scale.md

What to scan:
  --staged                 What is staged for commit (the index), not the working tree
  --history                The lines added by each commit reachable from HEAD
  --since <rev>            With --history: only commits not reachable from <rev>
  --branch <ref>           With --history: start from <ref> instead of HEAD
  --all                    With --history: every branch and tag
  --stdin-filenames        Read the files to scan from stdin (one per line, or NUL-separated)
  --no-gitignore           Also scan files that git ignores (.gitignore, info/exclude)
  --ignore <glob>          Leave out matching files, even named ones (repeatable)
  --max-file-size <size>   Skip larger files (default: 5MiB; 0: no limit). A file over 5MiB
                           is scanned in a worker thread with Node's heap limit; if it runs
                           out of memory there, it is named and skipped (docs/cli.md)
  --follow-symlinks        Follow symbolic links found in directories
  -j, --jobs <n>           Worker threads for large trees (default: 0, one per core)
      --locale <locale>    Language of messages, report rule help and explain: en (default)
                           or zh-CN (also $MWSGUARD_LOCALE)

Policy:
  -c, --config <file>      Config file (default: mwsguard.config.json, or the "mwsguard"
                           key of package.json, searched from here upwards)
  --no-config              Use no config file
  --baseline <file>        Report only the findings this baseline does not list
  --no-baseline            Ignore the baseline named in the config
  --fail-on <level>        Lowest severity that fails: error (default), warning, info

Output:
  -f, --format <name>      Output format (default: stylish)
  -o, --output <file>      Write the report (or the baseline) to <file>, atomically
  -q, --quiet              Findings only: no summary, no notes, no progress
  -v, --verbose            Also list skipped files, suppressed findings and stale
                           baseline entries (on stderr)
  --force                  install-hook: replace a hook that mwsguard did not write
  -h, --help               Show this help
  --version                Print the version

Formats:
  stylish   Findings grouped by file, for people. Colors on a terminal;
            NO_COLOR turns them off, FORCE_COLOR=1 forces them.
  json      One JSON document (version 1) for tools; see docs/json-format.md.
  sarif     SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
  github    GitHub Actions workflow commands: annotations on the changed lines.
  gitlab    GitLab secret detection report (artifacts:reports:secret_detection).

Exit codes:
  ${String(EXIT_OK)}  No credentials found
  ${String(EXIT_FINDINGS)}  Credentials found
     (at or above the --fail-on level)
  ${String(EXIT_ERROR)}  Usage error or fatal error
     (bad option or config file, not a git repository, unexpected error)
  ${String(EXIT_INCOMPLETE)}  Scan incomplete: nothing found, but some files could not be read
`;

/** Printed after a usage error's message. */
export const USAGE_HINT = 'Run "mwsguard --help" for usage.';
