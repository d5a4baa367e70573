// Lint for the web UI. The import boundaries keep the layers one-way (lib and components ←
// features ← app) and keep features from reaching into each other's insides: another feature is
// used only through its index.ts.
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

const features = readdirSync('src/features', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const boundaries = [
  // shared code knows nothing of features or the app
  { target: './src/lib', from: ['./src/features', './src/app', './src/components'] },
  { target: './src/components', from: ['./src/features', './src/app'] },
  // features do not import the app
  { target: './src/features', from: './src/app' },
  // a feature uses another only through that feature's index.ts
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`, ...features.filter((f) => f !== feature).map((f) => `./${f}/index.ts`)],
    message: 'Use the other feature through its index.ts, not its insides.',
  })),
  // the app composes features through their index.ts too
  {
    target: './src/app',
    from: './src/features',
    except: features.map((f) => `./${f}/index.ts`),
    message: 'Use a feature through its index.ts.',
  },
];

export default tseslint.config(
  { ignores: ['target/**', 'node_modules/**', 'src/lib/api/schema.d.ts'] },
  { files: ['scripts/**', '*.config.*'], languageOptions: { globals: { console: 'readonly', process: 'readonly' } } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.d.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
      'import-x/no-cycle': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
