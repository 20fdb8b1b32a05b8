import { mount } from 'svelte'
import '@fontsource-variable/literata/wght.css'
import '@fontsource-variable/literata/wght-italic.css'
import '@fontsource-variable/inter/wght.css'
import './styles/app.css'
import App from './App.svelte'

const target = document.getElementById('app')
if (!target) throw new Error('The page has no #app element')
mount(App, { target })
