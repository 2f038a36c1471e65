// The seam between screens and data: the explorer provides workspace-backed services, tests their own.
import {createContext, useContext} from 'react';
import type {ExplorerServices} from './types.js';

export const ServicesContext = createContext<ExplorerServices | null>(null);

export function useServices(): ExplorerServices {
	const services = useContext(ServicesContext);
	if (!services) throw new Error('useServices needs a ServicesContext provider');
	return services;
}
