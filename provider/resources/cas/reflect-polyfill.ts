/**
 * Side-effect module: loads `reflect-metadata` (a dependency of this package) before `@peculiar/x509`, whose
 * dependency tsyringe throws at load time without the Reflect metadata API. Import it before "@peculiar/x509".
 */
import "reflect-metadata";
