// The tests' bridge to the widgets' JavaScript (tests/test_widgets_js.py): reads one JSON
// request on stdin, runs it with the modules in nnbook/widgets/js, prints JSON on stdout.
import { ACTIVATIONS, activation } from "../../nnbook/widgets/js/activations.js";
import { PCG64 } from "../../nnbook/widgets/js/pcg64.js";
import { Trainer } from "../../nnbook/widgets/js/mlp.js";
import { trajectory } from "../../nnbook/widgets/js/optimizers.js";
import { labSignals } from "../../nnbook/widgets/js/signals.js";
import { curve, errors as fitErrors } from "../../nnbook/widgets/js/overfit_lab.js";
import { initialParams, makeRun, playgroundData, pythonCode, features, fromHash, toHash } from "../../nnbook/widgets/js/playground_data.js";
import { crossEntropy, focal, logSoftmax, multiclassHinge, slowdown, softmax } from "../../nnbook/widgets/js/losses.js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));

function activations({ z, params }) {
  const out = {};
  for (const name of Object.keys(ACTIVATIONS)) {
    const { f, df } = activation(name, params[name]);
    out[name] = { f: z.map(f), df: z.map(df) };
  }
  return out;
}

function permutations({ state, n, count }) {
  const rng = new PCG64(state);
  return Array.from({ length: count }, () => Array.from(rng.permutation(n)));
}

// each run: {sizes, hidden, params, lr, epochs}; shared: X, y, Xtest, ytest, order
function train({ runs, X, y, Xtest, ytest, order }) {
  const data = { X: Float64Array.from(X.flat()), y: Float64Array.from(y), Xtest: Float64Array.from(Xtest.flat()),
                 ytest: Float64Array.from(ytest) };
  return runs.map(({ sizes, hidden, params, lr, epochs, keep }) => {
    const t = new Trainer({ sizes, hidden, params, lr, order, ...data });
    t.run(Infinity, epochs);
    const h = t.history;
    return { epoch: t.epoch, diverged: t.diverged, verdict: t.verdict(), train_loss: h.train_loss, train_acc: h.train_acc,
             val_loss: h.val_loss, val_acc: h.val_acc, params: Array.from(t.net.params),
             snapshots: keep ? h.params.map((p) => Array.from(p)) : undefined };
  });
}

// each run: {surface, params, optimizer, hyper, start, steps}
function trajectories({ runs }) {
  return runs.map(({ surface, params, optimizer, hyper, start, steps }) => trajectory(surface, params, optimizer, hyper, start, steps));
}

// each case: {z, c, gamma, margin}
function lossValues({ cases }) {
  return cases.map(({ z, c, gamma, margin }) => {
    const p = softmax(z);
    return { p, logp: logSoftmax(z), ce: crossEntropy(z, c), focal: focal(p[c], gamma), hinge: multiclassHinge(z, c, margin) };
  });
}

function slowdowns({ runs }) { return runs.map((run) => slowdown(run)); }

// each lab: the init lab's settings (scheme, activation, depth, width, inputScale, batchNorm, seed) and
// its tables (schemes, samples); `keep` also returns the first layer's weights
function initLabs({ labs }) {
  return labs.map((lab) => {
    const out = labSignals(lab);
    return { aStd: out.aStd, deltaStd: out.deltaStd, a1: lab.keep ? Array.from(out.a[0]) : undefined,
             deltaD: lab.keep ? Array.from(out.delta[out.delta.length - 1]) : undefined };
  });
}

// the overfit lab's table of fits: for each λ index j, the errors per degree and the curves on `grid`
function overfit({ table, lambdas, domain, x, y, hx, hy, grid }) {
  const coef = Float64Array.from(table);
  return Array.from({ length: lambdas }, (_, j) => ({
    errors: fitErrors({ table: coef, lambdas, j, domain, x, y, hx, hy }),
    curves: Array.from({ length: 17 }, (_, d) => curve(coef.subarray((d * lambdas + j) * 17, (d * lambdas + j) * 17 + d + 1), domain, grid)),
  }));
}


// the playground: its data, features and initial weights, and configurations trained for a few epochs
function playground({ data = [], inits = [], runs = [], hashes = [] }) {
  return {
    data: data.map(({ kind, n, noise, classes, train_ratio, state, custom, names }) => {
      const d = playgroundData({ kind, n, noise, classes, trainRatio: train_ratio, state, custom });
      return { X: Array.from(d.X), y: Array.from(d.y), Xtest: Array.from(d.Xtest), ytest: Array.from(d.ytest),
               features: Array.from(features(d.X, names)) };
    }),
    inits: inits.map(({ sizes, init, activations, state }) => Array.from(initialParams(sizes, init, activations, new PCG64(state)))),
    runs: runs.map(({ config, state, epochs }) => {
      const run = makeRun(config, state);
      if (run.error) return { error: run.error };
      const t = run.trainer;
      t.run(Infinity, epochs);
      return { epoch: t.epoch, diverged: t.diverged, divergedAt: t.divergedAt, params: Array.from(t.net.params),
               history: t.history, sizes: run.sizes, code: pythonCode(config, epochs) };
    }),
    hashes: hashes.map(({ config, defaults }) => { const h = toHash(config, defaults); return { hash: h, back: fromHash(h, defaults) }; }),
  };
}

const handlers = { playground, activations, permutations, train, trajectories, lossValues, slowdowns, initLabs, overfit };
process.stdout.write(JSON.stringify(handlers[request.command](request)));
