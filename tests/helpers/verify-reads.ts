/**
 * Loaded by every test tier's mocha config: emulators started in tests check that each read-only action leaves the
 * state unchanged (`EmulatorOptions.verifyReads`), since the emulator no longer copies the state around reads.
 */
process.env["ALICLOUD_CERTS_EMULATOR_VERIFY_READS"] = "1";
