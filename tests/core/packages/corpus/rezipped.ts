/**
 * How a recipient zips an unzipped package again: each archiver's command, run in the folder that
 * holds the bag folder NAME, writing `out`. rezip.test.ts checks each result verifies like the
 * original; the browser verifier spec checks the page agrees.
 */
export const ARCHIVERS: Array<[string, (out: string, name: string) => string]> = [
  ['zip -r', (out, N) => `zip -q -r ${out} ${N}`],
  ["Python's zipfile (python3 -m zipfile -c)", (out, N) => `python3 -m zipfile -c ${out} ${N}`],
  [
    "Python's zipfile, deflated, folders written explicitly",
    (out, N) => `python3 -c 'import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in os.walk(sys.argv[2]):
        z.write(root)
        for f in files: z.write(os.path.join(root, f))' ${out} ${N}`,
  ],
  ['7-Zip (7z a)', (out, N) => `7z a -tzip -bd -bso0 ${out} ${N}`],
];
