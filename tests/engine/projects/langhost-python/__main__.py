"""A Python program with config, a component resource and outputs, and no provider.

Run by tests/engine/langhost-python.test.ts through the real engine and the Python language host. It also exports
which interpreter prefix and which `pulumi` package ran it, so the test can tell that the venv named by
`runtime.options.virtualenv` in Pulumi.yaml was the one used.
"""

import sys
from importlib.metadata import version
from typing import Optional

import pulumi


class Greeter(pulumi.ComponentResource):
    """A component with one computed output: registers a resource with the engine without needing a provider."""

    def __init__(self, name: str, greeting: str, opts: Optional[pulumi.ResourceOptions] = None) -> None:
        super().__init__("langhost:index:Greeter", name, None, opts)
        self.message = pulumi.Output.from_input(greeting).apply(lambda text: f"{text}!")
        self.register_outputs({"message": self.message})


config = pulumi.Config()
greeting = config.require("greeting")
greeter = Greeter("greeter", greeting)

pulumi.export("message", greeter.message)
pulumi.export("repeat", config.get_int("repeat") or 2)
pulumi.export("items", [greeting, 42])
pulumi.export("token", config.require_secret("token"))
pulumi.export("project", pulumi.get_project())
pulumi.export("stack", pulumi.get_stack())
pulumi.export("echo", config.get("echo", "none"))
pulumi.export("prefix", sys.prefix)
pulumi.export("sdk", version("pulumi"))
