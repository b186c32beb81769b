import { render } from 'preact';
import '../../components/notes/notes.css';
import '../../components/library/library.css';
import '../../components/library/library-controls.css';
import '../../components/library/library-lists.css';
import { App } from './App';

const root = document.getElementById('app');
if (root) render(<App />, root);
