// Lint: typescript-eslint's type-aware rules; `any` is banned in package and emulator code (take `unknown`, narrow).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { importX, createNodeResolver } from "eslint-plugin-import-x";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      ".tools/**",
      "examples/**/node_modules/**",
      "sdk/**",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-constant-condition": ["error", { checkLoops: false }],
      // `import x = require("pkg")` is allowed: it keeps node_modules captured by reference in serialized providers.
      "@typescript-eslint/no-require-imports": ["error", { allowAsImport: true }],
    },
  },
  {
    // No import cycles anywhere in the package: a child module never imports its parent (see docs/ARCHITECTURE.md).
    files: ["provider/**/*.ts", "emulator/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      // Dependencies are parsed as TypeScript too: without this the rule cannot see a cycle through a .ts module.
      "import-x/extensions": [".ts", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".d.ts", ".js", ".json"] })],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    files: ["tests/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-unused-expressions": "off" },
  },
  {
    files: ["examples/**/*.ts"],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { "@typescript-eslint/no-floating-promises": "off" },
  },
);
