package dev.meridian.app.ui.install;

import dev.meridian.installer.apply.InstallOptions;
import dev.meridian.installer.manifest.InstallSpec;

/**
 * What the wizard's first step asks for, once its fields are valid.
 *
 * @param targetContext the kube context of the connected cluster itself, where the agent goes
 * @param waitDescription how the install waits, in the form's words ("waits up to 5m for the rollout")
 */
record InstallRequest(String targetContext, InstallSpec spec, InstallOptions options, String waitDescription) {}
