# Homebrew formula for envdoctor: builds it from source with Homebrew's JDK and Maven, and installs
# the same layout as install.sh (bin/envdoctor, lib/envdoctor/{envdoctor.jar,lib,checks}) under
# libexec, with bin/envdoctor pinned to Homebrew's JDK. No release exists yet, so there is no url or
# sha256, only a head: set HOMEBREW_ENVDOCTOR_GIT to the repository (a URL or a local clone; brew passes
# on only HOMEBREW_* variables), then
#   brew install --HEAD --formula ./packaging/homebrew/envdoctor.rb
# On Apple Silicon Homebrew's openjdk is arm64, so DJL's osx-aarch64 libtorch (with MPS) is the one
# built in (pom.xml's osx-aarch64 profile).
class Envdoctor < Formula
  desc "Environment doctor for machine-learning training machines: train natively or in a container?"
  homepage "https://github.com/envdoctor/envdoctor" # a placeholder until the project is published
  head ENV.fetch("HOMEBREW_ENVDOCTOR_GIT", "https://github.com/envdoctor/envdoctor.git"), branch: "main"

  depends_on "maven" => :build
  depends_on "openjdk"

  def install
    ENV["JAVA_HOME"] = Formula["openjdk"].opt_prefix
    system "mvn", "-B", "-q", "-DskipTests", "package"
    (libexec/"lib/envdoctor").install "target/envdoctor.jar", "target/lib", "checks"
    (libexec/"bin").install "src/main/dist/envdoctor"
    # the launcher runs $JAVA_HOME/bin/java when there is no bundled runtime: Homebrew's JDK
    (bin/"envdoctor").write_env_script libexec/"bin/envdoctor", JAVA_HOME: Formula["openjdk"].opt_prefix
  end

  test do
    assert_match "envdoctor", shell_output("#{bin}/envdoctor --version")
    assert_match "JVM", shell_output("#{bin}/envdoctor probe --no-color")
  end
end
