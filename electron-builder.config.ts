/**
 * Installers for IT: Windows NSIS (per machine, silent with /S) and MSI, Linux AppImage and deb.
 * No auto-update: workstations are offline and IT deploys each version itself. Every secret
 * (certificates, passwords, key ids) comes from the environment of the build machine; see
 * docs/deploy.md. tests/packaging/ checks this config and the bundle it produces.
 */
import type { Configuration } from 'electron-builder';

type FuseOptions = NonNullable<Configuration['electronFuses']>;
/** Every fuse Electron has; resetAdHocDarwinSignature is a macOS signing switch, not a fuse. */
export type FuseName = Exclude<keyof FuseOptions, 'resetAdHocDarwinSignature'>;

/**
 * Fuses are flipped in the Electron binary at packaging time, so they hold whatever the app code
 * does. The mapped type makes a new Electron fuse a type error until it is decided here.
 */
export const FUSES: { readonly [K in FuseName]-?: { readonly enabled: boolean; readonly why: string } } = {
  runAsNode: {
    enabled: false,
    why: 'ELECTRON_RUN_AS_NODE would turn our signed binary into a plain Node interpreter for any script.',
  },
  enableNodeOptionsEnvironmentVariable: {
    enabled: false,
    why: 'NODE_OPTIONS (--require) would let anyone who sets the environment inject code into the main process.',
  },
  enableNodeCliInspectArguments: {
    enabled: false,
    why: '--inspect or SIGUSR1 would attach a debugger to main, where the unlocked vault keys live.',
  },
  enableCookieEncryption: {
    enabled: true,
    why: 'We set no cookies, but whatever Chromium stores on disk is then encrypted with the OS key store.',
  },
  enableEmbeddedAsarIntegrityValidation: {
    enabled: true,
    why: 'Windows refuses an app.asar whose hash differs from the one embedded at build: no patched app code.',
  },
  onlyLoadAppFromAsar: {
    enabled: true,
    why: 'No fallback to an app/ folder beside the asar, which would side-step the integrity check.',
  },
  loadBrowserProcessSpecificV8Snapshot: {
    enabled: false,
    why: 'We ship no custom V8 snapshot; the default one is the one Electron signed off.',
  },
  grantFileProtocolExtraPrivileges: {
    enabled: false,
    why: 'The window is served from app://jejak/, never file://, so file pages need no extra powers.',
  },
};

export const electronFuses = Object.fromEntries(
  Object.entries(FUSES).map(([name, fuse]) => [name, fuse.enabled]),
) as Required<Pick<FuseOptions, FuseName>>;

/**
 * The Electron-ABI build of the database module (scripts/build-native-electron.mjs writes it). The
 * packaging check points JEJAK_NATIVE_DIR at a stand-in, because headers cannot be downloaded there.
 */
export const nativeDir = process.env.JEJAK_NATIVE_DIR ?? 'native/electron';

/** Renderer-only packages: vite bundles them into out/renderer, so the asar needs no copy. */
const RENDERER_ONLY = ['react', 'react-dom', 'scheduler', 'zustand', '@tanstack'];

// A signing service (HSM, cloud KMS) replaces CSC_LINK when its command is set; see sign-windows.mjs.
const windowsSignService = process.env.JEJAK_WIN_SIGN_COMMAND ? './scripts/sign-windows.mjs' : null;

const config: Configuration = {
  appId: 'app.jejak.desktop',
  productName: 'Jejak',
  copyright: 'For official use only',
  // The packaged package.json carries the display name, so the app is "Jejak" everywhere.
  extraMetadata: { productName: 'Jejak' },
  artifactName: '${productName}-${version}-${arch}.${ext}',
  directories: { output: 'dist', buildResources: 'resources/build' },
  // The bundles are built by `npm run build`; only what main and the `jejak` command line load at run time ships.
  files: [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'out/cli/**',
    // `jejak verifier` writes this page.
    'out/verifier/**',
    '!**/*.map',
    // The database module's sources and its Node-ABI build: the app loads resources/native instead.
    '!**/node_modules/better-sqlite3-multiple-ciphers/{build,deps,src}/**',
    '!**/node_modules/better-sqlite3-multiple-ciphers/binding.gyp',
    ...RENDERER_ONLY.map((name) => `!**/node_modules/${name}/**`),
  ],
  // Native code must be a real file to be loaded: sharp's addon and the libvips it links. So must
  // the OCR engine's worker script, its WebAssembly core and the trained data (a worker thread
  // reads them outside Electron's asar support; core/evidence/media/ocr.ts points there).
  asarUnpack: [
    '**/*.node',
    '**/node_modules/sharp/**',
    '**/node_modules/@img/**',
    '**/node_modules/tesseract.js/**',
    '**/node_modules/tesseract.js-core/**',
    '**/node_modules/@tesseract.js-data/**',
  ],
  extraResources: [
    { from: nativeDir, to: 'native', filter: ['better_sqlite3.node'] },
    { from: 'resources/fonts', to: 'fonts' },
    { from: 'resources/policy.example.json', to: 'policy.example.json' },
    // The `jejak` launchers (resources/bin/jejak, jejak.cmd): the app binary runs the CLI (electron/main/cli-mode.ts).
    { from: 'resources/cli', to: 'bin' },
  ],
  // Only the languages the UI speaks; drops about 40 MB of Chromium locales.
  electronLanguages: ['id', 'en-US'],
  // No rebuild dance: the Node build in node_modules stays for tests, the Electron build is separate.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  beforePack: './scripts/build-native-electron.mjs',
  afterAllArtifactBuild: './scripts/sign-linux.mjs',
  electronFuses,
  publish: null,
  forceCodeSigning: process.env.JEJAK_REQUIRE_SIGNING === '1',
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ],
    icon: 'resources/icons/icon.png',
    signtoolOptions: {
      signingHashAlgorithms: ['sha256'],
      ...(process.env.JEJAK_TIMESTAMP_URL ? { rfc3161TimeStampServer: process.env.JEJAK_TIMESTAMP_URL } : {}),
      ...(windowsSignService ? { sign: windowsSignService } : {}),
    },
  },
  nsis: {
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    // Vaults are the unit's evidence: an uninstall never touches them.
    deleteAppDataOnUninstall: false,
    differentialPackage: false,
    packElevateHelper: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Jejak',
  },
  msi: {
    oneClick: true,
    perMachine: true,
    // Fixed forever: a newer MSI upgrades the older one in place instead of installing beside it.
    upgradeCode: '5b1c9b0e-3f0a-4d7e-9a4e-1b9c2f6d7a21',
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    icon: 'resources/icons/icon.png',
    executableName: 'jejak',
    category: 'Office',
    synopsis: 'Offline evidence vault for takedown requests',
    maintainer: 'Jejak maintainers <jejak@localhost>',
  },
  deb: { priority: 'optional' },
};

export default config;
