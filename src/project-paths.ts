import fs from 'node:fs';
import path from 'node:path';

/**
 * A folder of the project (cards/, manifest/): found by walking up to the folder holding
 * package.json and it, so the same code works from src/ (tsx) and from dist/src/ (tsc).
 */
export function projectFolder(name: string): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, name)))
      return path.join(dir, name);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`${name}/ folder not found above ${__dirname}`);
    dir = parent;
  }
}
