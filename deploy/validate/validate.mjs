// Validates ParkCycle's deployment files without a cluster or a container engine (none runs on the development
// machines): every Kubernetes object in ../kubernetes against the Kubernetes API's JSON schema (kubernetes-models,
// API 1.27), and ../Dockerfile's structure (dockerfile-ast): the stages the docs name exist, and every
// project published and every entry point DLL is a project of the repository. Exit code 1 on any problem.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { DockerfileParser } from "dockerfile-ast";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const problems = [];
let objects = 0;

async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const module = await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
  return module[kind];
}

for (const file of readdirSync(join(here, "..", "kubernetes")).filter((f) => f.endsWith(".yaml"))) {
  const docs = parseAllDocuments(readFileSync(join(here, "..", "kubernetes", file), "utf8"));
  for (const [i, doc] of docs.entries()) {
    if (doc.errors.length > 0) {
      problems.push(`${file} document ${i + 1}: YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const object = doc.toJS();
    if (object === null) continue;
    const Model = await modelFor(object.apiVersion, object.kind).catch(() => undefined);
    if (!Model) {
      problems.push(`${file} document ${i + 1}: unknown apiVersion/kind ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
      objects++;
    } catch (error) {
      problems.push(`${file} document ${i + 1} (${object.kind} ${object.metadata?.name}): ${error.message}`);
    }
  }
}

const dockerfile = DockerfileParser.parse(readFileSync(join(here, "..", "Dockerfile"), "utf8"));
const stages = dockerfile.getFROMs().map((from) => from.getBuildStage()).filter(Boolean);
for (const wanted of ["build", "server", "silo"]) {
  if (!stages.includes(wanted)) problems.push(`Dockerfile: no stage '${wanted}' (stages: ${stages.join(", ")})`);
}
const text = readFileSync(join(here, "..", "Dockerfile"), "utf8");
for (const [, project] of text.matchAll(/dotnet publish (\S+)/g)) {
  if (!existsSync(join(repo, project))) problems.push(`Dockerfile: publishes ${project}, which is not in the repository`);
}
for (const entry of dockerfile.getInstructions().filter((i) => i.getKeyword() === "ENTRYPOINT")) {
  const dll = /"([A-Za-z.]+)\.dll"/.exec(entry.getTextContent())?.[1];
  if (dll && !existsSync(join(repo, "src", dll, `${dll}.csproj`))) problems.push(`Dockerfile: ENTRYPOINT runs ${dll}.dll, not a project under src/`);
}

for (const p of problems) console.error(p);
console.log(`deploy/validate: ${objects} Kubernetes objects valid against the API schema; Dockerfile stages ${stages.join(", ")}; ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
