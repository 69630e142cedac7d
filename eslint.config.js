import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'Do not commit focused tests.' },
      ],
    },
  },
  {
    // The web app runs in the browser and talks only to the HTTP API: no Node, none of our server code.
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': ['error', 'process', 'require', '__dirname', 'Buffer'],
      'no-restricted-imports': ['error', { patterns: ['**/src/*', 'node:*'] }],
    },
  },
  {
    // The core imports nothing of ours outside itself: keep the rings honest.
    files: ['src/domain/**/*.ts', 'src/text/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['../store/*', '../services/*', '../http/*', '../cli/*', '../mail/*', '../files/*'] },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts', 'src/mail/**/*.ts', 'src/files/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../services/*', '../http/*', '../cli/*'] }],
    },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../http/*', '../cli/*'] }],
    },
  },
);
