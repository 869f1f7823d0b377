/**
 * Side-effect module: loads `reflect-metadata` (a dependency of this package). @peculiar/x509 resolves its internals
 * through tsyringe, which throws at load time without the Reflect metadata API. Import it before "@peculiar/x509".
 */
import "reflect-metadata";
