import { installFusedPath } from './recurrent-path';
import { fusedLstm } from './fused-lstm';
import { fusedGru } from './fused-gru';
import { fusedSimpleRnn } from './fused-simple-rnn';

// Runs on import (the package declares side effects): users import the layers, never this
// file, and every recurrent layer then takes the fused kernels on wasm and cpu backends.
installFusedPath('lstm', fusedLstm);
installFusedPath('gru', fusedGru);
installFusedPath('simpleRnn', fusedSimpleRnn);
